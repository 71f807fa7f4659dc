for s in ["123", "abc", "Abc1", "   ", "", "Title Case", "UPPER", "x_1", "3.5", "٣"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(),
          s.istitle(), s.isupper(), s.islower(), s.isidentifier(), s.isnumeric(), s.isdecimal())
