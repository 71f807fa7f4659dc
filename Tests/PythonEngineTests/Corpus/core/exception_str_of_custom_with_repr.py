class ValidationError(ValueError):
    def __init__(self, field):
        super().__init__(f"invalid field {field!r}")
        self.field = field

try:
    raise ValidationError("email")
except ValueError as e:
    print(isinstance(e, ValidationError), e.field, e)
raise ValidationError("age")
