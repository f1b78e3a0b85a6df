// Renders every `<pre class="mermaid">` block of a page as an SVG diagram,
// in colours that suit the reader's mdBook theme.
(() => {
    const classes = document.documentElement.classList;
    const dark = ["coal", "navy", "ayu"].some((theme) => classes.contains(theme));
    mermaid.initialize({
        startOnLoad: true,
        theme: dark ? "dark" : "default",
        securityLevel: "strict",
    });
})();
