// Compiled by check_diagnostics.cmake with clang++, never built: each line
// marked "dangles" must draw a -Wdangling warning (Variadic's and
// fmt::Args's borrowing constructors are [[clang::lifetimebound]]), and no
// other line may.
#include <vector>

#include "gost/core/go/fmt.hpp"
#include "gost/core/go/variadic.hpp"

namespace {

using gost::core::Variadic;
namespace fmt = gost::core::fmt;

int Sum(Variadic<int> v) {
  int s = 0;
  for (int x : v) s += x;
  return s;
}

std::size_t Count(const fmt::Args& args) { return args.size(); }

}  // namespace

int main() {
  // Named views of temporaries: the temporaries die at the semicolon.
  Variadic<int> a = {1, 2, 3};               // dangles
  Variadic<int> b{4, 5};                     // dangles
  Variadic<int> c = 42;                      // dangles
  Variadic<int> d = std::vector<int>{1, 2};  // dangles
  fmt::Args e = {1, "x"};                    // dangles

  // The intended uses: the view lives only as long as the call.
  const std::vector<int> kept = {6, 7};
  const Variadic<int> f = kept;
  const int one = 8;
  const Variadic<int> g = one;
  int total = Sum({1, 2}) + Sum(3) + Sum(kept) + Sum(f) + Sum(g);
  total += static_cast<int>(Count({1, "y", 2.5}));

  return total + Sum(a) + Sum(b) + Sum(c) + Sum(d) + static_cast<int>(e.size());
}
