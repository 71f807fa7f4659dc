# Compute averages, letter grades and a class summary.
students = {
    "Maria": [88, 92, 79],
    "Jon": [65, 70, 58],
    "Aiko": [95, 98, 100],
    "Sam": [72, 81, 77],
}

def letter(avg):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= cutoff:
            return grade
    return "F"

report = []
for name, marks in students.items():
    avg = sum(marks) / len(marks)
    report.append((name, avg, letter(avg)))

for name, avg, grade in sorted(report, key=lambda r: r[1], reverse=True):
    print(f"{name:6s} {avg:6.2f} {grade}")
class_avg = sum(r[1] for r in report) / len(report)
print(f"Class average: {class_avg:.3f}")
print("Passing:", [r[0] for r in report if r[2] != "F"])
