# Checks that no public header declares a function as a template only to
# defer compiling it: no `template <class = void>` (or `<class D = void>`),
# and no deferral alias such as Dependent<T, D> (docs/design.md, "Plain
# functions"). Run by CTest (plain_api.headers) as
#   cmake -DSOURCE_DIR=<repo> -P check_plain_api.cmake
file(GLOB_RECURSE headers "${SOURCE_DIR}/include/gost/*.hpp")
set(problems "")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" lines REGEX "template <class( [A-Za-z_]+)? = void>|Dependent<")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${header}")
    string(APPEND problems "  ${rel}: ${line}\n")
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "deferral templates in public headers:\n${problems}")
endif()
list(LENGTH headers count)
message(STATUS "plain API: ${count} headers checked")
