// Placeholder demo until the pipeline example lands: shows the vocabulary at work.
#include <chrono>
#include <iostream>

#include <gost/core.hpp>

int main() {
  using namespace gost::core;
  std::cout << "gost-core " << kVersion << "\n";
  auto [ctx, cancel] = context::WithTimeout(context::Background(), std::chrono::milliseconds(20));
  const bool done = ctx.WaitFor(std::chrono::seconds(5));
  std::cout << "context done: " << std::boolalpha << done << " (" << ctx.Err() << ")\n";
  cancel();
  auto ip = net::ParseIP("::ffff:192.0.2.1");
  std::cout << "parsed: " << (ip ? ip->String() : ip.error().Message()) << "\n";
  return done && ip ? 0 : 1;
}
