// gost-core: annotations about the lifetime of borrowed arguments.
//
// Internal. Variadic and fmt::Args borrow what they are built from, for the
// length of a call. GOST_CORE_LIFETIMEBOUND marks such a constructor
// parameter, so that clang warns (-Wdangling) when the object outlives the
// temporary it borrows, as in `Variadic<int> v = {1, 2};`. Other compilers
// ignore it.
#pragma once

#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::lifetimebound)
#define GOST_CORE_LIFETIMEBOUND [[clang::lifetimebound]]
#endif
#endif
#ifndef GOST_CORE_LIFETIMEBOUND
#define GOST_CORE_LIFETIMEBOUND
#endif
