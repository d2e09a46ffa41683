# Checks shared by the add_subdirectory and FetchContent consumers: gost-core,
# when it is not the top-level project, adds its library, gost::core, and,
# when GoogleTest can be found, its testing kit, gost::core_testing (as the
# README says). No tests, no examples, no install rules, no warnings target,
# and no warning flags on gost::core.
include("${CMAKE_CURRENT_LIST_DIR}/check_usage.cmake")

function(gost_core_check_subproject source_dir)
  foreach(opt IN ITEMS GOST_CORE_BUILD_TESTS GOST_CORE_BUILD_EXAMPLES GOST_CORE_BUILD_BENCHMARKS
                       GOST_CORE_BUILD_DOCS GOST_CORE_INSTALL GOST_CORE_WARNINGS_AS_ERRORS)
    if(${opt})
      message(FATAL_ERROR "${opt} is ON in a subproject; it should default to OFF")
    endif()
  endforeach()

  # The subproject must not have added tests/ or examples/ (or anything else).
  get_property(subdirs DIRECTORY "${source_dir}" PROPERTY SUBDIRECTORIES)
  if(subdirs)
    message(FATAL_ERROR "gost-core added subdirectories as a subproject: ${subdirs}")
  endif()
  get_property(tests DIRECTORY "${source_dir}" PROPERTY TESTS)
  if(tests)
    message(FATAL_ERROR "gost-core registered tests as a subproject: ${tests}")
  endif()
  foreach(t IN ITEMS pipeline gost_core_bench)
    if(TARGET ${t})
      message(FATAL_ERROR "gost-core defined target '${t}' as a subproject")
    endif()
  endforeach()

  if(NOT TARGET gost::core)
    message(FATAL_ERROR "gost::core is not defined")
  endif()
  if(TARGET gost_core_warnings)
    message(FATAL_ERROR "gost-core defined its warnings target (gost_core_warnings) as a subproject")
  endif()
  find_package(GTest QUIET)
  if(GTest_FOUND AND NOT TARGET gost::core_testing)
    message(FATAL_ERROR "GoogleTest is available but gost::core_testing is not defined")
  elseif(NOT GTest_FOUND AND TARGET gost::core_testing)
    message(FATAL_ERROR "gost::core_testing is defined without GoogleTest")
  endif()
  gost_core_check_usage_requirements()
  message(STATUS "gost-core as a subproject: library only, no tests/examples, no leaked flags")
endfunction()
