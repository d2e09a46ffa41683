// The options of the small packages whose Options struct holds one string
// field (auth, ingress, router) or nothing at all (hosts, observer,
// resolver, sd): one check for each kind, run over every such package, so
// the packages' own tests need not repeat it.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/auth/auth.hpp"
#include "gost/core/hosts/hosts.hpp"
#include "gost/core/ingress/ingress.hpp"
#include "gost/core/observer/observer.hpp"
#include "gost/core/resolver/resolver.hpp"
#include "gost/core/router/router.hpp"
#include "gost/core/sd/sd.hpp"
#include "support/option_cases.hpp"

namespace gost::core {
namespace {

using testsupport::ExpectEachOptionSetsItsField;
using testsupport::OptionCase;

// The whole check of an options struct with one string field and one option
// for it: the field starts empty, the option sets it to a value or to ""
// over an empty and a filled struct, the later option wins and empty ones
// change nothing.
template <class O, class MakeOption>
void ExpectOneStringFieldOption(const std::string& name, const MakeOption& make, std::string O::*field) {
  EXPECT_TRUE((O{}.*field).empty());
  const std::vector<OptionCase<O>> cases{
      {name, make("svc"), [field](O& o) { o.*field = "svc"; }},
      {name + " empty", make(""), [field](O& o) { (o.*field).clear(); }},
  };
  O filled;
  filled.*field = "base";
  ExpectEachOptionSetsItsField<O>(cases, {O{}, filled}, [field](const O& o) { return "'" + o.*field + "'"; });

  EXPECT_EQ(MakeOptions<O>({make("a"), OptionFunc<O>{}, make("b"), nullptr}).*field, "b");
  EXPECT_EQ(MakeOptions<O>({}), O{});
  O kept;
  kept.*field = "kept";
  ApplyOptions<O>(kept, {OptionFunc<O>{}, nullptr});
  EXPECT_EQ(kept.*field, "kept");
}

// The check of an empty options struct: Option is OptionFunc<O>, the
// options still run in order on the struct they are given, and empty ones
// (at the front, between and at the end) are skipped.
template <class O, class Option>
void ExpectEmptyOptionsRunInOrder() {
  static_assert(std::is_empty_v<O>);
  static_assert(std::is_same_v<Option, OptionFunc<O>>);
  std::vector<int> calls;
  O o;
  ApplyOptions<O>(o, {nullptr, [&](O* p) { calls.push_back(p == &o ? 1 : -1); }, Option{}, nullptr,
                      [&](O* p) { calls.push_back(p == &o ? 2 : -2); }, Option{}});
  EXPECT_EQ(calls, (std::vector<int>{1, 2}));
  EXPECT_EQ(o, O{});
}

TEST(SmallOptions, OneStringFieldOptionSetsItsField) {
  ExpectOneStringFieldOption<auth::Options>("auth::WithService", auth::WithService, &auth::Options::Service);
  ExpectOneStringFieldOption<ingress::Options>("ingress::WithService", ingress::WithService,
                                               &ingress::Options::Service);
  ExpectOneStringFieldOption<router::Options>("router::IDOption", router::IDOption, &router::Options::ID);
}

TEST(SmallOptions, EmptyOptionsRunInOrderAndEmptyOnesAreSkipped) {
  const std::vector<std::pair<std::string, void (*)()>> packages{
      {"hosts", ExpectEmptyOptionsRunInOrder<hosts::Options, hosts::Option>},
      {"observer", ExpectEmptyOptionsRunInOrder<observer::Options, observer::Option>},
      {"resolver", ExpectEmptyOptionsRunInOrder<resolver::Options, resolver::Option>},
      {"sd", ExpectEmptyOptionsRunInOrder<sd::Options, sd::Option>},
  };
  for (const auto& [name, check] : packages) {
    SCOPED_TRACE(name);
    check();
  }
}

}  // namespace
}  // namespace gost::core
