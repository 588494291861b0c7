"""Articles and where they come from: the model, the formats, the manifest and corrections,
and the sentences, paragraphs and boilerplate every other analysis reads as spans.
"""
