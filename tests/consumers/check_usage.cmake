# What every consumer checks of the gost::core target it was given, however
# it got it: the target asks for C++20 and passes on none of gost-core's own
# compile options, nor its warnings target.
function(gost_core_check_usage_requirements)
  get_target_property(features gost::core INTERFACE_COMPILE_FEATURES)
  get_target_property(options gost::core INTERFACE_COMPILE_OPTIONS)
  get_target_property(links gost::core INTERFACE_LINK_LIBRARIES)
  if(NOT "cxx_std_20" IN_LIST features)
    message(FATAL_ERROR "gost::core does not require cxx_std_20 (features: ${features})")
  endif()
  if(options)
    message(FATAL_ERROR "gost::core leaks compile options to consumers: ${options}")
  endif()
  if(links MATCHES "warnings")
    message(FATAL_ERROR "gost::core leaks its warnings target to consumers: ${links}")
  endif()
endfunction()
