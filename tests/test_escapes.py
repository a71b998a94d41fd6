"""escapes: markdown escapes and the traps of ARTIFACTS §1 (own text)."""

import pytest

from corpusclean import clean, repair
from corpusclean.escapes import unescape_markdown


@pytest.mark.parametrize(
    "raw, fixed",
    [
        (r"Tickets cost \$12.50 at the door.", "Tickets cost $12.50 at the door."),
        (r"A \$4.2 Billion Bet on Batteries", "A $4.2 Billion Bet on Batteries"),
        (r"Revenue rose to \$950,000 \(unaudited\).", "Revenue rose to $950,000 (unaudited)."),
        (r"1998\. A year of floods", "1998. A year of floods"),
        (r"\*Starred\* and \_under\_ and \#tag", "*Starred* and _under_ and #tag"),
        (r"Rock \& roll \- live", "Rock & roll - live"),
    ],
)
def test_escapes_are_dropped(raw, fixed):
    assert unescape_markdown(raw) == fixed
    assert clean(raw, select=["escapes"]) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The budget is $40 Million, not more.",  # a genuine dollar sign
        r"Saved in C:\Users\ana\Documents\report.txt",  # a Windows path
        r"Write \n for a newline and \t for a tab.",  # escapes of letters
        r"The angle \alpha is small; \beta is larger.",  # LaTeX commands
        r"Inline math \(a+b\) and display \[x^2\] stay.",  # LaTeX math
        r"Code spans stay: `grep '\$HOME' file`.",  # inside a code span
        r"Run `curl https://example.com/a\_b` first.",  # a URL inside a code span
        r"A share path \\fileserver\public\$budget stays.",  # UNC path
    ],
)
def test_traps_stay(text):
    assert unescape_markdown(text) == text
    assert repair(text, select=["escapes"]).edits == ()


def test_escaped_backslash_is_not_two_escapes():
    # "\\" is one escaped backslash; the "$" after it is not escaped.
    assert unescape_markdown(r"cost \\$5") == r"cost \\$5"
    # three backslashes: an escaped backslash, then an escaped dollar
    assert unescape_markdown(r"cost \\\$5") == r"cost \\$5"
    assert unescape_markdown(unescape_markdown(r"cost \\\$5")) == r"cost \\$5"


def test_edit_points_at_the_backslash():
    result = repair(r"pay \$3 now", select=["escapes"])
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.replacement, edit.rule) == (4, 5, "", "escapes")


def test_code_blocks_and_math_keep_their_backslashes():
    fenced = 'See:\n\n```js\nconst re = /\\d+\\.\\d*/;\nlog("a \\"b\\"");\n```\n\nOk.\n'
    assert clean(fenced) == fenced
    tilde = "Then:\n\n~~~\necho \\$HOME \\*\n~~~\n"
    assert unescape_markdown(tilde) == tilde
    indented = "Write it so:\n\n    grep -E '\\(x\\)' notes.txt\n\nAnd that is it.\n"
    assert unescape_markdown(indented) == indented
    display = "It is\n\n$$\n\\sum_i x_i \\, \\; dx\n$$\n"
    assert unescape_markdown(display) == display
    inline = "The drift is $v = 2.1\\,\\mu$ and $a\\;b$ per day.\n"
    assert unescape_markdown(inline) == inline


def test_escapes_beside_code_and_prices_are_still_dropped():
    # an escaped price next to dollar signs that are no math
    assert unescape_markdown(r"It cost $5, then \$6.00, then $7.") == "It cost $5, then $6.00, then $7."
    assert unescape_markdown(r"From $5 to $9 \*each\*") == "From $5 to $9 *each*"
    # outside the fences the escapes go; inside they stay
    text = "\\*Note\\*\n\n```\na \\* b\n```\n\nPay \\$3.\n"
    assert unescape_markdown(text) == "*Note*\n\n```\na \\* b\n```\n\nPay $3.\n"
    # a fence that is never closed protects nothing
    assert unescape_markdown("```\nPay \\$3.\n") == "```\nPay $3.\n"


def test_escapes_inside_a_bare_url_are_dropped():
    # no address holds a bare backslash: "\_" in a URL is the converter's
    raw = r"The rota is at https://club.example.net/w/rota\_2027\_draft (see the \_ there)."
    assert unescape_markdown(raw) == "The rota is at https://club.example.net/w/rota_2027_draft (see the _ there)."
    assert clean(raw) == unescape_markdown(raw)
    wiki = r"From https://en.example.org/wiki/Ravel\_\(ship\) and more"
    assert unescape_markdown(wiki) == "From https://en.example.org/wiki/Ravel_(ship) and more"
    # a code span glued to a URL keeps its escapes; paths after a URL stay
    glued = r"see https://x.example.io/a\_b`c\*d` and \\depot\x\_y"
    assert unescape_markdown(glued) == r"see https://x.example.io/a_b`c\*d` and \\depot\x\_y"
