"""The bar geometry every chart shares, in its default layout (the staff figures' charts; the
voices pages' own sizes are tested in kyodo/voices/tests/test_charts.py)."""

from kyodo.core.charts import bar_chart


def test_the_default_layout_draws_whole_units():
    chart = bar_chart([("防災課", 0.5, "50%"), ("福祉課", None, "5人未満")], maximum=1.0)
    first, second = chart.bars
    assert (first.y, first.width, first.text, first.suppressed) == (4, 180, "50%", False)
    assert isinstance(first.width, int)
    assert (second.y, second.width, second.suppressed) == (32, 0, True)
    assert chart.height == 2 * 28 + 8
    assert bar_chart([]).height == 28 + 8  # an empty chart keeps one row's room


def test_a_value_beyond_the_range_is_drawn_within_it():
    widths = [bar.width for bar in bar_chart([("a", 2.0, ""), ("b", -1, "")]).bars]
    assert widths == [360, 0]
