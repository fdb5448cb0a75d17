"""HTML redlines: semantic marks, labels, legend, escaping, validity."""

from __future__ import annotations

from html.parser import HTMLParser

from policyeditor.core.redline import compare
from policyeditor.core.redline_stats import redline_stats
from policyeditor.export.html import PageParts, redline_fragment, redline_page

VOID = {"meta", "br", "img", "hr", "link", "input"}


class TagChecker(HTMLParser):
    """Checks that every element is closed in order (well-formed) and collects text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def check(html: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    return checker


def test_page_is_self_contained_valid_and_labelled():
    old = "# Policy\n\n**Security.** Old words stay.\n\n- a list item\n"
    new = "# Policy\n\nSecurity. New words stay.\n\nA paragraph now.\n"
    redline = compare(old, new)
    stats = redline_stats(redline, old, new)
    page = redline_page(redline, PageParts(title="Website Privacy Policy", summary=stats.summary,
                                           explanation=stats.explanation, history="Adopted: October 5, 2009"))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]   # nothing fetched
    checker = check(page)
    assert {"ins", "del", "main", "aside"} <= set(checker.tags)
    text = "".join(checker.text)
    assert "[inserted: New]" in text and "[deleted: Old]" in text
    assert "[formatting changed to Not Bold: " in text
    assert "How to read this redline" in text and "Adopted: October 5, 2009" in text
    assert stats.summary not in text          # the summary is asked for (issue 12)
    assert "Formatted: Font: Not Bold" in page and "Changed" in text
    shown = redline_page(redline, PageParts(title="Website Privacy Policy", summary=stats.summary,
                                            show_summary=True))
    assert stats.summary in "".join(check(shown).text)
    assert shown.index(stats.summary) < shown.index("<main>")   # beside the policy, not in it


def test_policy_text_is_escaped():
    evil = 'Click <script>alert("x")</script> & [here](javascript:alert(1)) now.\n'
    redline = compare("Click here now.\n", evil)
    page = redline_page(redline, PageParts(title="<b>Title</b>"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "&lt;b&gt;Title&lt;/b&gt;" in page
    check(page)


def test_fragment_is_reusable_and_keeps_links_and_lists():
    redline = compare("- one item\n- two item\n", "- one item\n- two items [web](https://example.org/a?b=1&c=2)\n")
    fragment = redline_fragment(redline)
    assert fragment.startswith('<div class="redline">') and fragment.endswith("</div>")
    assert fragment.count("<ul>") == 1 and fragment.count("<li") == 2
    assert 'href="https://example.org/a?b=1&amp;c=2"' in fragment
    check(fragment)


def test_unsafe_link_targets_are_dropped():
    from policyeditor.core.textmodel import Block, Document, Run

    new = Document((Block("paragraph", (Run("Click "), Run("here", link="javascript:alert(1)"))),))
    page = redline_page(compare(Document(), new), PageParts(title="T"))
    assert "javascript" not in page and "here" in page


def test_every_export_face_escapes_policy_text_and_drops_unsafe_links():
    """The web page, the notice site's fragment and the PDF's rich text share one walk: none of them
    lets a policy's text or links inject markup."""
    from policyeditor.core.textmodel import Block, Document, Run
    from policyeditor.export.pdf import qt_redline_html

    old = Document((Block("paragraph", (Run("Keep <b>this</b> & that."),)),))
    new = Document((Block("paragraph", (Run("Keep <b>this</b> & <script>alert(1)</script>."),
                                        Run("here", link="javascript:alert(1)"))),
                    Block("heading", (Run("A & B"),), 1)))
    redline = compare(old, new)
    for html in (redline_fragment(redline), qt_redline_html(redline), qt_redline_html(redline, center_first=True)):
        assert "<script>" not in html and "<b>this</b>" not in html and "javascript" not in html
        assert "&lt;script&gt;" in html and "&lt;b&gt;this&lt;/b&gt;" in html and "A &amp; B" in html
        assert "here" in html


def test_the_notice_site_never_lists_a_superseded_pending_version() -> None:
    from datetime import date

    from policyeditor.core.versions import Policy, Version
    from policyeditor.export.site import pending_versions

    policy = Policy(id="p", title="P", versions=(
        Version(number=1, adopted=date(2009, 10, 5), legacy=True),
        Version(number=2, first_reading=date(2018, 5, 1)),            # read, never adopted
        Version(number=3, first_reading=date(2019, 3, 1)),            # the text now on its way
    ))
    assert [v.number for v in pending_versions(policy, date(2019, 4, 1))] == [3]
    adopted_later = Policy(id="p", title="P", versions=(
        Version(number=1, adopted=date(2009, 10, 5), legacy=True),
        Version(number=2, first_reading=date(2018, 5, 1), adopted=date(2018, 6, 1),
                effective=date(2019, 9, 1)),                          # adopted, takes effect later
        Version(number=3, first_reading=date(2019, 3, 1)),
    ))
    assert [v.number for v in pending_versions(adopted_later, date(2019, 4, 1))] == [2, 3]


def test_the_walks_escape_is_htmls_escape():
    # redline_markup.escape skips html.escape when there is nothing to escape (most of a policy):
    # it must give what html.escape gives, for every text
    import html
    import random

    from policyeditor.core.redline_markup import escape

    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice("ab &<>\"'\n\u00e9;#x") for _ in range(rng.randint(0, 10)))
        assert escape(text) == html.escape(text)
        assert escape(text, quote=False) == html.escape(text, quote=False)
