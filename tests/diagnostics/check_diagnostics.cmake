# Compiles SOURCE with CXX (clang++) and checks that -Wdangling fires on
# exactly the lines marked "// dangles". Run by CTest
# (diagnostics.borrowed_views) as
#   cmake -DCXX=<clang++> -DINCLUDE_DIR=<include> -DSOURCE=<file> -P check_diagnostics.cmake
file(STRINGS "${SOURCE}" lines)
set(expected "")
set(n 0)
foreach(line IN LISTS lines)
  math(EXPR n "${n} + 1")
  if(line MATCHES "// dangles$")
    list(APPEND expected "${n}")
  endif()
endforeach()
if(NOT expected)
  message(FATAL_ERROR "${SOURCE} marks no line with // dangles")
endif()

execute_process(
  COMMAND "${CXX}" -std=c++20 -fsyntax-only -Wdangling -I "${INCLUDE_DIR}" "${SOURCE}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${CXX} could not compile ${SOURCE}:\n${err}")
endif()
get_filename_component(name "${SOURCE}" NAME)
string(REGEX MATCHALL "${name}:[0-9]+:[0-9]+: warning: [^\n]*\\[-Wdangling[^\n]*" warnings "${err}")
set(got "")
foreach(w IN LISTS warnings)
  string(REGEX REPLACE "^${name}:([0-9]+):.*" "\\1" line "${w}")
  list(APPEND got "${line}")
endforeach()
list(REMOVE_DUPLICATES got)
list(SORT got COMPARE NATURAL)
list(SORT expected COMPARE NATURAL)
if(NOT got STREQUAL expected)
  message(FATAL_ERROR "-Wdangling on lines [${got}], expected on [${expected}]:\n${err}")
endif()
list(LENGTH expected count)
message(STATUS "${name}: -Wdangling on exactly the ${count} marked lines")
