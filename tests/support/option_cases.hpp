// The table-driven check of a package's one-field options that the small
// packages' tests share (auth, admission, bypass, ingress, limiter, router;
// recorder and rewriter for their std::any metadata options):
// each case applies one option to each of a few base structs and expects
// the base changed in exactly the way the case describes. Below it, the
// whole option checks of the packages with one string field and of those
// with an empty options struct.
#pragma once

#include <gtest/gtest.h>

#include <any>
#include <functional>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <vector>

#include "gost/core/go/option.hpp"

namespace gost::core::testsupport {

/// One option and the one change it must make to an options struct.
template <class O>
struct OptionCase {
  std::string name;
  OptionFunc<O> opt;
  std::function<void(O&)> expect;
};

/// Applies every case to every base and compares the result (with ==) with
/// the base changed by the case's `expect`. `describe` renders a struct for
/// the failure messages.
template <class O>
void ExpectEachOptionSetsItsField(const std::vector<OptionCase<O>>& cases, std::initializer_list<O> bases,
                                  const std::function<std::string(const O&)>& describe) {
  for (const auto& c : cases) {
    for (const O& base : bases) {
      SCOPED_TRACE(c.name + " on " + describe(base));
      O want = base;
      c.expect(want);
      O got = base;
      ApplyOptions<O>(got, c.opt);
      EXPECT_EQ(got, want) << describe(got);
    }
  }
}

/// A case of an option that sets an std::any field: the option, and a check
/// of the value it leaves there.
template <class O>
struct AnyOptionCase {
  std::string name;
  OptionFunc<O> opt;
  std::function<void(const std::any&)> check;
};

/// Applies every case to a default struct and to one whose `field` already
/// holds `prefill`, then runs the case's check on the field.
template <class O>
void ExpectEachAnyOption(const std::vector<AnyOptionCase<O>>& cases, std::any O::*field, const std::any& prefill) {
  for (const auto& c : cases) {
    for (bool prefilled : {false, true}) {
      SCOPED_TRACE(c.name + (prefilled ? " over a value" : " on default"));
      O o;
      if (prefilled) o.*field = prefill;
      ApplyOptions<O>(o, c.opt);
      c.check(o.*field);
    }
  }
}

/// The whole check of a package whose options struct has one string field
/// and one option for it (auth and ingress: Service; router: ID): the
/// field starts empty, the option sets it to a value or to "" over an empty
/// and a filled struct, the later option wins and empty ones change nothing.
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

/// The check of a package whose options struct is empty (hosts, observer,
/// resolver, sd): Option is OptionFunc<O>, the options still run in order
/// on the struct they are given, and empty ones (at the front, between and
/// at the end) are skipped.
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

}  // namespace gost::core::testsupport
