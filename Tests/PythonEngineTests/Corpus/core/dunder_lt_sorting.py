class Task:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name
    def __lt__(self, other):
        return self.priority < other.priority
    def __repr__(self):
        return f"Task({self.priority}, {self.name!r})"

tasks = [Task(3, "c"), Task(1, "a"), Task(2, "b")]
print(sorted(tasks))
print(min(tasks), max(tasks))
print(Task(1, "x") < Task(2, "y"), Task(5, "x") > Task(2, "y"))
