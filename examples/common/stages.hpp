// Examples: the main() of the staged examples.
//
// Each in-memory example is a list of stages. `<program>` runs them all and
// ends with "<program>: every stage passed" (or "some stage failed");
// `<program> <stage>` runs one. An exception ends the run with an error line;
// an unknown stage name prints the usage. Each stage prints its own verdict
// with Verdict.
#pragma once

#include <exception>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "reference/logger.hpp"

namespace example {

/// One stage: its name on the command line, and what it runs (true: pass).
using Stage = std::pair<std::string, std::function<bool()>>;

/// Prints "stage <name>: PASS" or "... FAIL" and returns `ok`.
inline bool Verdict(const std::string& stage, bool ok) {
  gost::x::Say("stage " + stage + ": " + (ok ? "PASS" : "FAIL"));
  return ok;
}

/// The whole main(): 0 when every stage that ran passed, 1 when one failed
/// or threw, 2 for an unknown stage.
inline int RunStages(const std::string& program, const std::vector<Stage>& stages, int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  bool ok = true;
  bool ran = false;
  try {
    for (const auto& [name, run] : stages) {
      if (!only.empty() && only != name) continue;
      ran = true;
      ok = run() && ok;
    }
  } catch (const std::exception& e) {
    gost::x::Say(program + ": error: " + e.what());
    return 1;
  }
  if (!ran) {
    std::string names;
    for (const auto& stage : stages) names += (names.empty() ? "" : "|") + stage.first;
    std::cerr << "usage: " << program << " [" << names << "]\n";
    return 2;
  }
  if (only.empty()) gost::x::Say(program + (ok ? ": every stage passed" : ": some stage failed"));
  return ok ? 0 : 1;
}

}  // namespace example
