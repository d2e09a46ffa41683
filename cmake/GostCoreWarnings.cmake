# Warning flags for this project's own tests, examples and benchmarks.
# They live on a private target that is never installed or exported, so
# consumers of gost::core get no warning flags from us.
if(TARGET gost_core_warnings)
  return()
endif()
add_library(gost_core_warnings INTERFACE)
target_compile_options(gost_core_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion>
  $<$<BOOL:${GOST_CORE_WARNINGS_AS_ERRORS}>:$<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Werror>>)
