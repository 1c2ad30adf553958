"""The voices pages' charts of shares: core's bar geometry in their own layout, drawn as before
they shared it (300 units for 100 %, rows of 32, widths to a tenth), with the figures in words."""

from kyodo.voices.charts import percent_chart


def test_the_voices_layout_keeps_its_sizes_and_tenths():
    chart = percent_chart("q1", "満足度", [("満足", 33.3, 4), ("不満", 50, None)])
    assert [(bar.y, bar.width, bar.text) for bar in chart.bars] == [
        (0, 99.9, "33.3%"),
        (32, 150.0, "50%"),
    ]
    assert chart.height == 64
    assert chart.text_alternative == "満足 4件（33.3%）、不満 50%"
