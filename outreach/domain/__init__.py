"""The domain: words, rules and the immutable records services hand out."""
