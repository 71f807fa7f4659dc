import Testing
@testable import Grading

/// `uses` resolution on facts from the engine's real parser.
@Suite struct EngineAnalyzerTests {
    func uses(_ api: String, _ code: String) throws -> Bool {
        let facts = try EngineCodeAnalyzer().facts(for: code).get()
        let resolver = APIUsageResolver(facts: facts)
        return resolver.firstUse(of: api, in: resolver.resolvedNames()) != nil
    }

    @Test func aliasesAndFromImports() throws {
        #expect(try uses("multiprocessing.Process", "import multiprocessing as mp\np = mp.Process(target=print)\np.start()"))
        #expect(try uses(".start", "import multiprocessing as mp\np = mp.Process(target=print)\np.start()"))
        #expect(try uses("multiprocessing.Pool", "from multiprocessing import Pool\nwith Pool(4) as pool:\n    print(pool.map(abs, [1]))"))
        #expect(try uses(".map", "from multiprocessing import Pool\nwith Pool(4) as pool:\n    print(pool.map(abs, [1]))"))
        #expect(try uses("multiprocessing.Process", "from multiprocessing import *\nclass W(Process):\n    pass"))
        #expect(try uses("multiprocessing.Process", "import multiprocessing as mp\nctx = mp.get_context('spawn')\nq = mp.get_context('fork').Process(target=f)"))
        #expect(try uses("concurrent.futures.ProcessPoolExecutor", "from concurrent.futures import ProcessPoolExecutor as E\nwith E() as ex:\n    list(ex.map(abs, [1]))"))
    }

    @Test func commentsStringsAndLookalikesDoNotCount() throws {
        #expect(try !uses("multiprocessing.Process", "# multiprocessing.Process(target=f)\nprint('multiprocessing.Process')"))
        #expect(try !uses("multiprocessing.Process", "import threading as multiprocessing\nt = multiprocessing.Thread()\nclass Process: pass\nProcess()"))
        #expect(try !uses(".start", "s = 'p.start()'"))
    }

    @Test func syntaxErrorIsReported() {
        guard case let .failure(error) = EngineCodeAnalyzer().facts(for: "def f(:\n  pass") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("SyntaxError on line 1"))
    }
}
