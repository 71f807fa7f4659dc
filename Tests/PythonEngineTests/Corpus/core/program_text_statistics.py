# Character-level statistics of a string.
sentence = "The quick brown fox jumps over the lazy dog, 3 times!"
vowels = sum(1 for c in sentence.lower() if c in "aeiou")
consonants = sum(1 for c in sentence.lower() if c.isalpha() and c not in "aeiou")
digits = [c for c in sentence if c.isdigit()]
print("length:", len(sentence))
print("vowels:", vowels, "consonants:", consonants, "digits:", digits)
print("is pangram:", set("abcdefghijklmnopqrstuvwxyz") <= set(sentence.lower()))
words = sentence.replace(",", "").replace("!", "").split()
print("words:", len(words), "average length: %.2f" % (sum(map(len, words)) / len(words)))
print("capitalised:", " ".join(w.capitalize() for w in words))
print("reversed words:", " ".join(reversed(words)))
