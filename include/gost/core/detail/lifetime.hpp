// gost-core: annotations about the lifetime of borrowed arguments.
//
// Internal. Variadic and fmt::Args borrow what they are built from, for the
// length of a call. GOST_CORE_LIFETIMEBOUND marks such a constructor
// parameter, so that clang warns (-Wdangling) when the object outlives the
// temporary it borrows, as in `Variadic<int> v = {1, 2};`. Other compilers
// ignore it.
//
// The same constructors keep a pointer into a std::initializer_list, which
// g++ reports with -Winit-list-lifetime in the constructor itself; the
// BEGIN/END pair silences that one warning around such a constructor.
#pragma once

#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::lifetimebound)
#define GOST_CORE_LIFETIMEBOUND [[clang::lifetimebound]]
#endif
#endif
#ifndef GOST_CORE_LIFETIMEBOUND
#define GOST_CORE_LIFETIMEBOUND
#endif

#if defined(__GNUC__) && !defined(__clang__)
#define GOST_CORE_IGNORE_INIT_LIST_LIFETIME_BEGIN \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Winit-list-lifetime\"")
#define GOST_CORE_IGNORE_INIT_LIST_LIFETIME_END _Pragma("GCC diagnostic pop")
#else
#define GOST_CORE_IGNORE_INIT_LIST_LIFETIME_BEGIN
#define GOST_CORE_IGNORE_INIT_LIST_LIFETIME_END
#endif
