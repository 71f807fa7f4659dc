import Testing
@testable import Grading

@Suite struct ExportRepairTests {
    @Test func lostIndentationIsRestored() throws {
        let damaged = """
        import multiprocessing
        def worker(num):
        print(num)
        if __name__ == "__main__":
        processes = []
        for i in range(4):
        p = multiprocessing.Process(target=worker, args=(i,))
        processes.append(p)
        p.start()
        for p in processes:
        p.join()
        """
        let repaired = try #require(ExportRepair.repair(damaged))
        #expect(repaired.kinds == [.indentation])
        #expect(repaired.code == """
        import multiprocessing
        def worker(num):
            print(num)
        if __name__ == "__main__":
            processes = []
            for i in range(4):
                p = multiprocessing.Process(target=worker, args=(i,))
                processes.append(p)
                p.start()
            for p in processes:
                p.join()
        """)
    }

    @Test func elseAndReturnCloseBlocks() throws {
        let damaged = "def f(x):\nif x > 1:\nreturn 1\nelse:\nreturn 2\nprint(f(3))"
        let repaired = try #require(ExportRepair.repair(damaged))
        #expect(repaired.code == "def f(x):\n    if x > 1:\n        return 1\n    else:\n        return 2\nprint(f(3))")
    }

    @Test func promptsAndQuotes() throws {
        let damaged = "In [3]: import os\n>>> print(\u{201C}hi\u{201D}, \u{2018}x\u{2019})\n...     pass"
        let repaired = try #require(ExportRepair.repair(damaged))
        #expect(repaired.kinds == [.prompt, .quotes])
        #expect(repaired.code == "import os\nprint(\"hi\", 'x')\n    pass")
        #expect(repaired.description.contains("prompt"))
    }

    @Test func intactCodeIsNotRepaired() {
        #expect(ExportRepair.repair("def f():\n    return 1\nprint(f())") == nil)
        #expect(ExportRepair.repair("x = 1 +") == nil)
        // `...` alone is Ellipsis, not a prompt, when there are no `>>>` prompts.
        #expect(ExportRepair.repair("x = ...\nprint(x)") == nil)
    }
}

@Suite struct PartialIndentationTests {
    @Test func oneLostLineInsideAWithBlock() throws {
        let damaged = "from multiprocessing import Pool\n\ndef show(n):\n    print(n)\n\nif __name__ == \"__main__\":\n    with Pool(2) as pool:\n    pool.map(show, [1, 2])"
        let repaired = try #require(ExportRepair.repair(damaged))
        #expect(repaired.code == "from multiprocessing import Pool\n\ndef show(n):\n    print(n)\n\nif __name__ == \"__main__\":\n    with Pool(2) as pool:\n        pool.map(show, [1, 2])")
    }
}

@Suite struct SelfCallTests {
    @Test func loopCallingTheFunctionLeavesIt() throws {
        let repaired = try #require(ExportRepair.repair("def show(n):\nprint(\"number\", n)\nfor i in range(4):\nshow(i)"))
        #expect(repaired.code == "def show(n):\n    print(\"number\", n)\nfor i in range(4):\n    show(i)")
    }

    @Test func aLoopInsideTheFunctionStays() throws {
        let repaired = try #require(ExportRepair.repair("def show(n):\nfor i in range(n):\nprint(i)\nshow(3)"))
        #expect(repaired.code == "def show(n):\n    for i in range(n):\n        print(i)\nshow(3)")
    }
}
