"""What a reader typed into the search box, read as words, phrases and exclusions.

Readers type anything: quotes left open, `*`, `AND`, `-`, `NEAR`, SQL, NUL
bytes, five thousand characters. Both databases have query languages that
reject some of that with an error, so neither ever sees the raw text: it is
cut down here to plain words, which each backend then quotes in its own syntax.
"""

import re
import unicodedata
from dataclasses import dataclass

# Longer input is cut: no real search needs more, and the database's work grows
# with every term.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# PostgreSQL skips longer words with a notice; nothing real is longer.
MAX_WORD_LENGTH = 60

# PostgreSQL's "english" configuration leaves these out of its index, so a
# query for them alone finds nothing there. SQLite indexes every word; dropping
# them here makes both databases answer alike.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs
    themselves what which who whom this that these those am is are was were be
    been being have has had having do does did doing a an the and but if or
    because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under
    again further then once here there when where why how all any both each few
    more most other some such no nor not only own same so than too very s t can
    will just don should now
    """.split()
)

# A quoted phrase (the closing quote may be missing), or a run of anything else.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
# Letters and digits in any script; everything else separates words.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchTerms:
    """A query as plain words: every `required` phrase must appear, no `excluded` one.

    A phrase is a tuple of words that must appear in order; a single word is a
    phrase of one.
    """

    text: str
    required: tuple = ()
    excluded: tuple = ()

    def __bool__(self):
        return bool(self.required)

    @property
    def words(self):
        """Every required word, in order, for highlighting and display."""
        return [word for phrase in self.required for word in phrase]


def _clean(text):
    """Drop NUL and other control characters; fold to NFKC; cut to length."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = "".join(
        char if unicodedata.category(char)[0] != "C" else " " for char in text
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        # Cut at a space, so the last word is not cut into a different one.
        text = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    return text


def _phrase(text):
    words = tuple(word[:MAX_WORD_LENGTH] for word in WORD.findall(text.lower()) if word)
    if not words or all(word in STOP_WORDS for word in words):
        return ()
    return words


def parse(text) -> SearchTerms:
    """Read a reader's query; never raises, whatever `text` holds."""
    text = _clean(text)
    required, excluded = [], []
    for match in TOKEN.finditer(text):
        minus = match.group(1) or match.group(3)
        phrase = _phrase(
            match.group(2) if match.group(2) is not None else match.group(4)
        )
        if not phrase:
            continue
        kept = excluded if minus else required
        if phrase not in kept:
            kept.append(phrase)
    return SearchTerms(
        text=text,
        required=tuple(required[:MAX_TERMS]),
        excluded=tuple(excluded[:MAX_TERMS]),
    )


# Endings stripped so that "cranes" meets "crane" and "attacked" meets "attacks";
# crude next to a real stemmer, but the same on both sides of a comparison.
ENDINGS = (
    ("sses", "ss"),
    ("ies", "y"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ing", ""),
    ("ed", ""),
    ("s", ""),
)


def light_stem(word):
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith("ss"):
                return word
            return word[: -len(ending)] + replacement
    return word


def significant_words(text) -> set:
    """Return the stems of the words of `text` worth comparing: no stop words, none
    shorter than three letters."""
    return {
        light_stem(word)
        for word in WORD.findall((text or "").lower())
        if len(word) > 2 and word not in STOP_WORDS
    }
