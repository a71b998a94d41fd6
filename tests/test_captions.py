"""captions: credits, captions and graphics inside the body (ARTIFACTS §4)."""

import pytest

from corpusclean import Caption, clean, repair
from corpusclean.layout import Layout, is_credit, patterns_for
from corpusclean import Config

LAYOUT = ["captions", "hyphenation", "paragraphs"]

SPLIT_BY_CREDIT = (
    "What followed might have been a scene from a\n\n"
    "JONAS AHLBERG FOR THE RIVERTON LEDGER\n\n"
    "village comedy of errors: rivals on display, racing to win the south.\n\n"
    "The next paragraph stands alone."
)

SPLIT_BY_CAPTIONS = (
    '"You could feel the mood change," said an engineer\n\n'
    "EDWIN MARSH/THE RIVERTON LEDGER\n\n"
    "Far left, sandbags along the quay in Castel Verde in November.\n\n"
    "Left, the spillway gates, still in their crates. An engineer called them garden ornaments.\n\n"
    'who was there. "Everyone laughed for the first time in months."\n\n'
    "Later that week the talks resumed."
)

SPLIT_WORD_BY_LABELS = (
    "Later that night the envoy and the chief of staff stood on the dam. The two nego-\n\n"
    " \n"
    "North\n\n"
    "South\n\n"
    "tiators walked the length of the crest.\n"
)

GRAPHIC = (
    '"Look, we have been getting calls from everyone,"\n\n'
    "EDWIN MARSH/THE RIVERTON LEDGER\n\n"
    "The governor with the southern premier at the water summit in May.\n\n"
    "The Players\n\n"
    "North\n\n"
    "Rafael Quintero, Tobias Herrera-Lind, Marguerite A. Delacroix-Hale\n\n"
    "South\n\n"
    "Oleksandr Petrenko, Yuliya Hrytsenko\n\n"
    "the chief of staff told his counterpart in the south. \"We would like to start.\"\n"
)


def test_credit_inside_a_sentence_moves_after_the_paragraph():
    out = clean(SPLIT_BY_CREDIT, select=LAYOUT)
    assert out.startswith(
        "What followed might have been a scene from a village comedy of errors: "
        "rivals on display, racing to win the south.\n\nJONAS AHLBERG FOR THE RIVERTON LEDGER\n\n"
    )
    assert out.endswith("The next paragraph stands alone.")


def test_credit_and_captions_between_halves():
    out = clean(SPLIT_BY_CAPTIONS, select=LAYOUT)
    assert out.startswith(
        '"You could feel the mood change," said an engineer who was there. '
        '"Everyone laughed for the first time in months."\n\nEDWIN MARSH/THE RIVERTON LEDGER\n\n'
        "Far left, sandbags"
    )


def test_labels_inside_a_hyphenated_word():
    out = clean(SPLIT_WORD_BY_LABELS, select=["whitespace", *LAYOUT])
    assert out == (
        "Later that night the envoy and the chief of staff stood on the dam. The two negotiators "
        "walked the length of the crest.\n\nNorth\n\nSouth\n"
    )


def test_graphic_with_name_lists_between_a_sentence():
    out = clean(GRAPHIC, select=LAYOUT)
    first = out.split("\n\n")[0]
    assert first == (
        '"Look, we have been getting calls from everyone," the chief of staff told his '
        'counterpart in the south. "We would like to start."'
    )
    for piece in ("The Players", "Oleksandr Petrenko, Yuliya Hrytsenko", "EDWIN MARSH/THE RIVERTON LEDGER"):
        assert piece in out


def test_drop_removes_each_caption_with_an_edit():
    result = repair(SPLIT_BY_CAPTIONS, select=LAYOUT, captions="drop")
    assert "EDWIN MARSH" not in result.text and "Far left" not in result.text
    assert result.text.startswith('"You could feel the mood change," said an engineer who was there.')
    drops = [e for e in result.edits if e.rule == "captions"]
    assert len(drops) == 3 and all("dropped" in e.message for e in drops)
    assert all(e.replacement == "" for e in drops)


def test_keep_leaves_everything_and_does_not_join():
    result = repair(SPLIT_BY_CAPTIONS, select=LAYOUT, captions="keep")
    assert result.text == SPLIT_BY_CAPTIONS
    assert [c.kind for c in result.captions] == ["credit", "caption", "caption"]


def test_captions_are_returned_as_data():
    result = repair(SPLIT_BY_CAPTIONS, select=LAYOUT)
    caps = result.captions
    assert all(isinstance(c, Caption) for c in caps)
    assert [c.kind for c in caps] == ["credit", "caption", "caption"]
    for c in caps:  # positions are in the original input
        assert SPLIT_BY_CAPTIONS[c.start : c.end] == c.text


def test_standalone_credit_and_caption_found_but_not_moved():
    text = (
        "The spillway stands unfinished.\n\n"
        "PAVEL NOWAK/ASSOCIATED PRESS\n\n"
        "Ingrid Solvang, who argued for the spillway, at the site in May.\n\n"
        "The river, as the engineers say, is patient.\n"
    )
    result = repair(text, select=LAYOUT)
    assert result.text == text
    assert [c.kind for c in result.captions] == ["credit", "caption"]
    dropped = clean(text, select=LAYOUT, captions="drop")
    assert dropped == "The spillway stands unfinished.\n\nThe river, as the engineers say, is patient.\n"


def test_refer_between_halves():
    text = (
        "The statements stood in contrast to the restrained approach taken by other\n\n"
        "PROTESTS Demonstrations continued in three cities after the vote. Page 23.\n\n"
        "mayors, who have typically called for calm pending the results.\n"
    )
    out = clean(text, select=LAYOUT)
    assert out.startswith("The statements stood in contrast to the restrained approach taken by other mayors,")
    assert "PROTESTS Demonstrations" in out


@pytest.mark.parametrize(
    "line",
    [
        "TYLER HICKS/THE NEW YORK TIMES",
        "EVGENIY MALOLETKA/ASSOCIATED PRESS",
        "BRENDAN HOFFMAN FOR THE NEW YORK TIMES",
        "KRISTINA KORMILITSYNA/SPUTNIK",
        "NAVY PETTY OFFICER 1ST CLASS ALEXANDER C. KUBITZA/D.O.D.",
        "ELENA RUSSO/AGENCE FRANCE-PRESSE — GETTY IMAGES",
        "REUTERS",
        "Photograph by Marta Okonkwo",
    ],
)
def test_credit_forms(line):
    assert is_credit(line, patterns_for(Config(rules=["newspaper"])))


@pytest.mark.parametrize("line", ["THE RECKONING", "PART 1", "INTERNATIONAL 4-19", "SUNDAY OPINION", "U.S."])
def test_headings_are_not_credits(line):
    assert not is_credit(line, patterns_for(Config()))


def test_a_body_paragraph_between_is_not_a_caption():
    text = (
        "The governor wanted the dam finished on terms he could sell at home, and\n\n"
        "The ministry had other plans. It wanted the money for levees, and it said so in a long memo "
        "that went to every member of the assembly and to the press. Nobody read it.\n\n"
        "nobody in the capital expected a deal before the autumn session.\n"
    )
    assert clean(text, select=["captions"]) == text


def test_layout_links():
    lay = Layout(SPLIT_BY_CAPTIONS, Config())
    (link,) = lay.links()
    assert [lay.kind(k) for k in link.between] == ["credit", "caption", "caption"]


# An institution that hands out its own photographs credits them with its
# name alone; the name is a credit only over a verbless one-sentence caption.
SPLIT_BY_INSTITUTION = (
    "The surveyors spent a month walking the whole length of the\n\n"
    "NATIONAL PARK SERVICE\n\n"
    "Climbers on the north ridge above the glacier in July.\n\n"
    "abandoned mule road before they filed a single page.\n\n"
    "The next paragraph stands alone.\n"
)


def test_institution_credit_and_caption_inside_a_sentence_move():
    result = repair(SPLIT_BY_INSTITUTION, select=LAYOUT)
    assert result.text.startswith(
        "The surveyors spent a month walking the whole length of the abandoned mule road before"
    )
    assert "NATIONAL PARK SERVICE\n\nClimbers on the north ridge above the glacier in July.\n\nThe next" in (
        result.text
    )
    assert [(c.text, c.kind) for c in result.captions] == [
        ("NATIONAL PARK SERVICE", "credit"),
        ("Climbers on the north ridge above the glacier in July.", "caption"),
    ]
    assert any(e.message.startswith("photo credit moved") for e in result.edits)


def test_standalone_institution_credit_is_dropped_on_request():
    text = (
        "The river rose again overnight.\n\n"
        "MINISTRY OF WATER RESOURCES\n\n"
        "The flooded quay at Castel Verde in a photograph from 2019.\n\n"
        "The town council met at dawn.\n"
    )
    assert clean(text, select=LAYOUT) == text
    result = repair(text, select=LAYOUT, captions="drop")
    assert result.text == "The river rose again overnight.\n\nThe town council met at dawn.\n"
    assert [e.message.split(":")[0] for e in result.edits] == ["photo credit dropped", "caption dropped"]


@pytest.mark.parametrize(
    "under",
    [
        "The department issued a travel warning on Friday.",  # a verb: a story's sentence
        "It says the warning stands.",
        "Officials closed the road to the border on Monday.",
        "Officials in the capital would not comment on the record.",
        "The embassy in the capital. The consulate in the port. The mission in the hills.",
    ],
)
def test_a_heading_naming_an_institution_stays_a_heading(under):
    text = f"The talks ended early.\n\nTHE STATE DEPARTMENT\n\n{under}\n\nOther news followed.\n"
    result = repair(text, select=LAYOUT, captions="drop")
    assert result.text == text
    assert result.captions == ()



# Credit forms other than NAME/AGENCY in capitals.  Each splits a hyphenated
# word and its sentence, with a caption under it.
@pytest.mark.parametrize(
    "credit",
    [
        "MARTA OKONKWO | THE RIVERTON LEDGER",  # a pipe for the slash
        "Marta Okonkwo / The Riverton Ledger",  # a name and a paper in title case
        "Marta Okonkwo | Getty Images",
        "(AP Photo/Marta Okonkwo)",
        "(Photo by Marta Okonkwo/Getty Images)",
        "Courtesy of the Okonkwo family",
        "Courtesy photo",
        "Getty Images",  # a photo agency alone
        "Staff photo by Marta Okonkwo",
        "AP Photo/Marta Okonkwo",  # the agency's own style, without brackets
    ],
)
def test_more_credit_forms_inside_a_word_move_after_the_paragraph(credit):
    text = (
        'The treasurer called the plan "generous but not work-\n\n'
        f"{credit}\n\n"
        "Volunteers sort donated coats in the church hall on Friday.\n\n"
        'able." The fund shrank again.\n'
    )
    result = repair(text, select=LAYOUT)
    assert result.text == (
        'The treasurer called the plan "generous but not workable." The fund shrank again.\n\n'
        f"{credit}\n\n"
        "Volunteers sort donated coats in the church hall on Friday.\n"
    )
    assert [c.kind for c in result.captions] == ["credit", "caption"]


@pytest.mark.parametrize(
    "line",
    [
        "Getty Images Reports Record Quarter",  # a headline naming the agency
        "The Riverton Ledger | Opinion",  # a section banner
        "THE RIVERTON LEDGER | OPINION",
        "LOCAL NEWS | WEATHER",
        "| Name | Score |",  # a markdown table row
        "| NAME | SCORE |",
        "Marta Okonkwo / Ivo Brandt",  # two names
        "Courtesy of the committee, the vote was delayed.",
        "Reuters",  # a wire service alone is as often a byline
        "The Associated Press",
        "White House",
        "Our Photo/Video Policy",
    ],
)
def test_lines_that_look_like_the_new_credit_forms_are_not_credits(line):
    assert not is_credit(line, patterns_for(Config(rules=["newspaper"])))


def test_a_markdown_table_and_a_sentence_with_a_slash_stay_as_they_are():
    text = (
        "The results were posted\n\n"
        "| Name | Score |\n|---|---|\n| Ivo | 3 |\n\n"
        "The pairing\nMarta Okonkwo / Ivo Brandt\nwon the final on Sunday, the club said.\n"
    )
    assert clean(text, select=LAYOUT) == text


def test_a_headline_naming_an_agency_stays_in_place():
    text = (
        "Trading closed early on Friday.\n\n"
        "Getty Images Reports Record Quarter\n\n"
        "The company said licensing revenue rose.\n"
    )
    result = repair(text, select=LAYOUT, captions="drop")
    assert result.text == text and result.captions == ()


HARD_WRAPPED_CAPTION = (
    "The ridge, with its bare granite slabs and high-\n\n"
    "Photo: Ines Varga\n\n"
    "Fog over the saddle below Lone\n"
    "Peak. Gentians flower in early August.\n\n"
    "altitude tarns, sees few walkers.\n"
)


def test_a_caption_wrapped_over_two_lines_moves_with_its_credit():
    result = repair(HARD_WRAPPED_CAPTION, select=LAYOUT)
    assert result.text == (
        "The ridge, with its bare granite slabs and high-altitude tarns, sees few walkers.\n\n"
        "Photo: Ines Varga\n\n"
        "Fog over the saddle below Lone\n"
        "Peak. Gentians flower in early August.\n"
    )
    assert [c.kind for c in result.captions] == ["credit", "caption", "caption"]


def test_a_wrapped_caption_under_a_credit_between_paragraphs_stays_and_drops_whole():
    text = (
        "The ridge was quiet.\n\n"
        "Photo: Ines Varga\n\n"
        "Fog over the saddle below Lone\n"
        "Peak. Gentians flower in early August.\n\n"
        "Few walkers come up here.\n"
    )
    assert clean(text, select=LAYOUT) == text
    dropped = clean(text, select=LAYOUT, captions="drop")
    assert dropped == "The ridge was quiet.\n\nFew walkers come up here.\n"


def test_lines_of_a_long_block_under_a_credit_are_not_one_caption():
    text = (
        "The ridge was quiet.\n\n"
        "Photo: Ines Varga\n\n"
        "Fog over the saddle.\nGentians in flower.\nA cairn on the path.\nThe hut in winter.\n"
        "Walkers on the crest.\n\n"
        "Few walkers come up here.\n"
    )
    result = repair(text, select=LAYOUT, captions="drop")
    assert "Gentians in flower.\nA cairn on the path." in result.text


def test_stacked_credit_and_caption_blocks_move_together_and_the_sentence_joins():
    text = (
        'The pilot said it more plainly as we rounded the point. "An hour by road is a day in a\n\n'
        "Marta O Okonkwo/Getty Images\nMarchers outside the harbour office in Tarrow in March.\n\n"
        "AP Photo/Ivo Brandt\nThe Morning Gull leaves Kesh quay at first light.\n\n"
        'spring gale."\n'
    )
    out = clean(text, select=LAYOUT)
    assert out == (
        'The pilot said it more plainly as we rounded the point. "An hour by road is a day in a spring gale."\n\n'
        "Marta O Okonkwo/Getty Images\nMarchers outside the harbour office in Tarrow in March.\n\n"
        "AP Photo/Ivo Brandt\nThe Morning Gull leaves Kesh quay at first light.\n"
    )


def test_a_mixed_case_name_for_outlet_credit_and_its_caption_move():
    text = (
        "The channel moves after every big\n\n"
        "Ines Varga for Coastwatch\nThe pilot at the helm of the launch on Friday.\n\n"
        "storm, and the charts, she says, are guesses.\n"
    )
    assert clean(text, select=LAYOUT) == (
        "The channel moves after every big storm, and the charts, she says, are guesses.\n\n"
        "Ines Varga for Coastwatch\nThe pilot at the helm of the launch on Friday.\n"
    )


def test_a_headline_with_for_over_its_first_paragraph_stays():
    text = (
        "The council met on Monday.\n\n"
        "Better Homes for Young Families\nThe council approved two hundred homes.\n\n"
        "Other news followed.\n"
    )
    result = repair(text, select=LAYOUT, captions="drop")
    assert result.text == text and result.captions == ()


@pytest.mark.parametrize("label", ["Figure 2:", "Fig. 3.", "Table 1:", "FIGURE 4."])
def test_a_figure_caption_inside_a_sentence_moves_after_the_paragraph(label):
    text = (
        "We ask here whether the simpler, sparse\n\n"
        f"{label} Recall of both models on three\ncorpora, with error bars.\n\n"
        "encoders still make a good baseline.\n"
    )
    assert clean(text, select=LAYOUT) == (
        "We ask here whether the simpler, sparse encoders still make a good baseline.\n\n"
        f"{label} Recall of both models on three corpora, with error bars.\n"
    )


def test_a_sentence_about_a_table_is_not_a_caption():
    text = "The totals are set out in\n\nTable 2, with the rest of the results for each model.\n"
    assert clean(text, select=LAYOUT) == (
        "The totals are set out in Table 2, with the rest of the results for each model.\n"
    )


def test_a_figure_caption_between_whole_paragraphs_stays():
    text = "The runs took a week.\n\nFigure 5: Time per run.\n\nThe slowest run was the first.\n"
    assert clean(text, select=LAYOUT) == text
    assert clean(text, select=LAYOUT, captions="drop") == text


def test_a_moved_caption_is_kept_apart_from_the_next_line_of_a_lined_block():
    # paragraphs one a line: the caption moves after the end of the sentence
    # it cut, and a blank line stands between it and the next line
    text = (
        "The warden said the park would take on about thirty rangers over the coming\n\n"
        "NADIA VOSS/THE HARBOUR POST\n"
        "A heron stands in the shallows of the marsh on Friday.\n\n"
        "two summers, most of them students.\n"
        "The trust must still approve the new car park by the gate.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "over the coming two summers, most of them students." in out
    assert "on Friday.\n\nThe trust must" in out


def test_a_moved_caption_at_the_end_of_a_block_gets_no_extra_blank_line():
    text = (
        "The warden said the park would take on about thirty rangers over the coming\n\n"
        "NADIA VOSS/THE HARBOUR POST\n"
        "A heron stands in the shallows of the marsh on Friday.\n\n"
        "two summers, most of them students.\n\n"
        "The trust must still approve the new car park by the gate.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "on Friday.\n\nThe trust must" in out
    assert "\n\n\n" not in out
