# Records with __eq__, __repr__, __lt__ and sorting by several keys.
class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary})"
    def __eq__(self, other):
        return (self.name, self.dept, self.salary) == (other.name, other.dept, other.salary)
    def __lt__(self, other):
        return (self.dept, -self.salary) < (other.dept, -other.salary)

staff = [Employee("zoe", "ops", 50), Employee("al", "dev", 70), Employee("bo", "dev", 90), Employee("cy", "ops", 65)]
for e in sorted(staff):
    print(e)
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.salary)
print({d: sum(s) / len(s) for d, s in by_dept.items()})
print(Employee("al", "dev", 70) == staff[1], staff.index(Employee("cy", "ops", 65)))
