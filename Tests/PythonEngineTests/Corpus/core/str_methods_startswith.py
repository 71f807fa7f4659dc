name = "report_2024.csv"
print(name.startswith("report"), name.endswith(".csv"))
print(name.startswith(("data", "report")), name.endswith((".txt", ".md")))
print(name.startswith("2024", 7), "abc".endswith(""))
