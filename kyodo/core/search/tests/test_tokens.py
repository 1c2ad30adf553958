from kyodo.core.search.tokens import unique_words, words


def test_two_character_words_are_whole_words():
    assert {"協働", "防災", "網走"} <= set(words("網走市の協働による防災訓練"))


def test_width_variants_meet():
    assert words("ＮＰＯ法人") == words("NPO法人")
    assert words("ｱﾊﾞｼﾘ") == words("アバシリ")
    assert words("２０２６年") == words("2026年")


def test_spelling_variants_meet():
    assert words("経験を活かす") == words("経験を生かす")


def test_particles_and_punctuation_are_dropped():
    assert words("子育て、と。") == ["子育て"]


def test_empty_and_blank_lines():
    assert words("") == []
    assert words("\n\n防災\n") == ["防災"]
    assert unique_words("防災 防災 協働") == ["防災", "協働"]
