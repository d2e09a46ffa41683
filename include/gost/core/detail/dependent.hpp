// gost-core: Dependent<T, D>, a way to postpone compiling a function body.
//
// Internal. The compiler checks every expression of a template that does not
// depend on the template's parameters where the template is defined, in every
// file that includes its header, and instantiates the standard templates
// such an expression needs (a std::optional, a std::make_shared, a std::span
// constructor...). Dependent<T, D> is T, but names it through D: written in a
// template whose parameter is D, it makes the expression depend on D, so the
// compiler leaves it for the files that call the template. The library's
// methods and functions that do this take a defaulted parameter D that
// callers never give (docs/design.md, "Functions are templates").
#pragma once

namespace gost::core::detail {

/// Holds T as `type`; a class template, so that `DependentT<T, D>::type`
/// depends on D.
template <class T, class D>
struct DependentT {
  using type = T;
};

/// T, dependent on D.
template <class T, class D>
using Dependent = typename DependentT<T, D>::type;

}  // namespace gost::core::detail
