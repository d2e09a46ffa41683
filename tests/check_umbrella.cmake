# Checks what <gost/core.hpp> includes: every public header under
# include/gost/ (directly or through another), except the testing kit
# (include/gost/core/testing/) and the std::stop_token bridge
# (include/gost/core/go/stop_token.hpp), which it must not include. Run by
# CTest (umbrella.contents) as
#   cmake -DSOURCE_DIR=<repo> -DCXX=<compiler> -P check_umbrella.cmake
# It asks the compiler for the umbrella's dependencies (-M), so it sees what
# the preprocessor really opens.
set(include_dir "${SOURCE_DIR}/include")
execute_process(
  COMMAND "${CXX}" -std=c++20 -M -I "${include_dir}" -x c++ "${include_dir}/gost/core.hpp"
  OUTPUT_VARIABLE deps
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "listing the includes of gost/core.hpp failed:\n${err}")
endif()
string(REPLACE "\\\n" " " deps "${deps}")
string(REGEX MATCHALL "[^ \t\n]+\\.hpp" deps "${deps}")
set(included "")
foreach(dep IN LISTS deps)
  get_filename_component(dep "${dep}" REALPATH)
  list(APPEND included "${dep}")
endforeach()

file(GLOB_RECURSE headers "${include_dir}/gost/*.hpp")
set(problems "")
foreach(header IN LISTS headers)
  get_filename_component(header "${header}" REALPATH)
  file(RELATIVE_PATH rel "${include_dir}" "${header}")
  if(rel STREQUAL "gost/core.hpp")
    continue()
  endif()
  set(excluded FALSE)
  if(rel MATCHES "^gost/core/testing/" OR rel STREQUAL "gost/core/go/stop_token.hpp")
    set(excluded TRUE)
  endif()
  list(FIND included "${header}" at)
  if(excluded AND NOT at EQUAL -1)
    string(APPEND problems "  ${rel} is included, but must be left out\n")
  elseif(NOT excluded AND at EQUAL -1)
    string(APPEND problems "  ${rel} is not included\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "gost/core.hpp:\n${problems}")
endif()
list(LENGTH headers count)
message(STATUS "gost/core.hpp: checked ${count} headers")
