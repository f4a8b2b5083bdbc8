"""HTML as readable text, for an e-mail's HTML body (BeautifulSoup's parser)."""

from __future__ import annotations

#: elements that end a line, and those that end a paragraph (a blank line after them)
_LINE_ENDS = ("br", "div", "li", "tr", "table", "ul", "ol")
_PARAGRAPH_ENDS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def html_text(html: str) -> str:
    """HTML as readable text: words of a paragraph on one line, paragraphs apart, list
    items bulleted; scripts and styles left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    for item in soup.find_all("li"):
        item.insert(0, "• ")
    for element in soup.find_all(_LINE_ENDS):
        element.append("\n")
    for element in soup.find_all(_PARAGRAPH_ENDS):
        element.append("\n\n")
    lines = [" ".join(line.split()) for line in soup.get_text().splitlines()]
    kept: list[str] = []  # one blank line between paragraphs at most
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
