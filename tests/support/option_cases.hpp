// The table-driven check of a package's one-field options that the small
// packages' tests share (auth, admission, bypass, ingress, limiter, router;
// recorder and rewriter for their std::any metadata options):
// each case applies one option to each of a few base structs and expects
// the base changed in exactly the way the case describes.
#pragma once

#include <gtest/gtest.h>

#include <any>
#include <functional>
#include <initializer_list>
#include <string>
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

}  // namespace gost::core::testsupport
