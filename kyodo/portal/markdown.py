"""Safe Markdown for news bodies: markdown-it renders, nh3 keeps only harmless HTML."""

import html

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# "commonmark" with raw HTML off: authors write Markdown, not HTML. nh3 cleans again anyway,
# so that a bug in either layer cannot let a script through.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def _demote_headings(html: str) -> str:
    # The page has the only h1; a "# " in a body becomes h2.
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def render_markdown(text: str) -> SafeString:
    rendered = _demote_headings(_md.render(text or ""))
    clean = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)


def plain_text(text: str) -> str:
    """The body without markup, for descriptions and feeds' summaries."""
    return html.unescape(nh3.clean(_md.render(text or ""), tags=set())).strip()
