"""Tesseract's own choices for each character of a word (`lstm_choice_mode`), read from the
hOCR of the run that read the words (chitieu.extract.ocr.tesseract)."""

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from tesseract_marks import needs_tesseract

from chitieu.extract.ocr.tesseract import Word, recognize, with_choices

# the shape of Tesseract 5's hOCR with lstm_choice_mode=2: a step for the space before the
# word, then one per character, its reading first
HOCR = """<span class='ocrx_word' id='word_1_87' title='bbox 584 936 662 971; x_wconf 78'>trông
 <span class='ocrx_cinfo' id='lstm_choices_1_87_1'>
  <span class='ocrx_cinfo' id='choice_1_87_1' title='x_confs 95.3'> </span></span>
 <span class='ocrx_cinfo' id='lstm_choices_1_87_2'>
  <span class='ocrx_cinfo' id='choice_1_87_2' title='x_confs 90.0'>t</span></span>
 <span class='ocrx_cinfo' id='lstm_choices_1_87_3'>
  <span class='ocrx_cinfo' id='choice_1_87_3' title='x_confs 96.9'>r</span></span>
 <span class='ocrx_cinfo' id='lstm_choices_1_87_4'>
  <span class='ocrx_cinfo' id='choice_1_87_4' title='x_confs 83.4'>ô</span>
  <span class='ocrx_cinfo' id='choice_1_87_5' title='x_confs 78.8'>ồ</span>
  <span class='ocrx_cinfo' id='choice_1_87_6' title='x_confs 4.1'>ộ</span></span>
 <span class='ocrx_cinfo' id='lstm_choices_1_87_5'>
  <span class='ocrx_cinfo' id='choice_1_87_7' title='x_confs 95.3'>n</span></span>
 <span class='ocrx_cinfo' id='lstm_choices_1_87_6'>
  <span class='ocrx_cinfo' id='choice_1_87_8' title='x_confs 94.8'>g</span></span>
 </span>
<span class='ocrx_word' id='word_1_88' title='bbox 670 936 700 971; x_wconf 90'>&amp;
 <span class='ocrx_cinfo' id='lstm_choices_1_88_1'>
  <span class='ocrx_cinfo' id='choice_1_88_1' title='x_confs 90.0'>&amp;</span>
  <span class='ocrx_cinfo' id='choice_1_88_2' title='x_confs 10.0'>8</span></span>
 </span>"""


def test_each_characters_choices_come_from_the_hocr():
    words = with_choices([Word("trông", 584, 936, 662, 971, 78.0),
                          Word("&", 670, 936, 700, 971, 90.0),
                          Word("mới", 710, 936, 760, 971, 96.0)], HOCR)
    assert [c[0][0] for c in words[0].choices] == list("trông")
    assert words[0].choices[2] == (("ô", 83.4), ("ồ", 78.8), ("ộ", 4.1))
    assert words[1].choices == ((("&", 90.0), ("8", 10.0)),)
    assert words[2].choices == ()  # no hOCR word in its box


def test_choices_that_do_not_spell_the_word_are_left_out():
    words = with_choices([Word("trồng", 584, 936, 662, 971, 78.0)], HOCR)
    assert words[0].choices == ()


@needs_tesseract
def test_tesseract_gives_its_choices_and_the_same_words():
    image = Image.new("L", (900, 120), 255)
    font = ImageFont.truetype("DejaVuSerif.ttf", 40)
    ImageDraw.Draw(image).text((20, 30), "Trồng cây xanh", fill=0, font=font)
    pixels = np.asarray(image)
    chosen = recognize(pixels, dpi=300, psm=7)
    plain = recognize(pixels, dpi=300, psm=7, choices=False)
    assert [w.text for w in chosen.words] == [w.text for w in plain.words]
    assert all(w.choices for w in chosen.words) and not any(w.choices for w in plain.words)
    for word in chosen.words:
        assert "".join(c[0][0] for c in word.choices) == word.text
