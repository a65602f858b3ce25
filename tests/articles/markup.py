"""A tiny HTML tree for asserting on rendered pages by element, not by substring."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "source", "track", "wbr",
}  # fmt: skip


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)

    @property
    def text(self):
        """Return the visible text inside this element, whitespace collapsed."""
        parts = []
        for child in self.children:
            parts.append(child.text if isinstance(child, Element) else child)
        return " ".join(" ".join(parts).split())

    @property
    def text_raw(self):
        """Return the text inside this element exactly as written."""
        return "".join(
            child.text_raw if isinstance(child, Element) else child
            for child in self.children
        )

    @property
    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, *, class_=None, **attrs):
        """Return descendants matching `tag`, a CSS class and exact attributes."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (class_ is None or class_ in element.classes)
            and all(
                element.attrs.get(name.rstrip("_").replace("_", "-")) == value
                for name, value in attrs.items()
            )
        ]

    def find(self, tag=None, **kwargs):
        """Return the one descendant matching; fail loudly on none or several."""
        found = self.find_all(tag, **kwargs)
        assert len(found) == 1, f"expected one <{tag}> {kwargs}, found {len(found)}"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(
            Element(tag, {name: value or "" for name, value in attrs})
        )

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html):
    """Parse an HTML string or a response into an `Element` tree."""
    if hasattr(html, "content"):
        html = html.content.decode()
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def form_values(form):
    """Return what a browser would submit for `form` as it stands (no buttons)."""
    data = {}
    for element in form.iter():
        name = element.attrs.get("name")
        if not name or "disabled" in element.attrs:
            continue
        if element.tag == "input":
            kind = element.attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"}:
                if "checked" in element.attrs:
                    data.setdefault(name, []).append(element.attrs.get("value", "on"))
                continue
            data.setdefault(name, []).append(element.attrs.get("value", ""))
        elif element.tag == "textarea":
            # Browsers drop the newline that opens a textarea's content.
            data.setdefault(name, []).append(element.text_raw.removeprefix("\n"))
        elif element.tag == "select":
            chosen = [
                option.attrs.get("value", option.text)
                for option in element.find_all("option")
                if "selected" in option.attrs
            ]
            data.setdefault(name, []).extend(chosen)
    return data
