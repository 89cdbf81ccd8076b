# nlohmann stays out of core's public headers (ARCHITECTURE.md): every header
# in engine/core/ is one (the include root of the targets above core,
# engine/CMakeLists.txt, shows them all), and none of them may include
# <nlohmann/...>, directly or through the headers of core, query, storage,
# model or base it includes (extract/ and graph/ headers are not followed:
# check_direction.cmake keeps those from above core). ctest
# `core_headers_without_nlohmann`; `core_headers_check_finds_a_leak` runs it
# on tests/core/nlohmann_leak, which has one, to show it can fail. By hand:
# `cmake -DSOURCE_DIR=. -P scripts/check_core_headers.cmake`.
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<project root> -P check_core_headers.cmake")
endif()
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)
file(GLOB core_headers RELATIVE ${SOURCE_DIR}/engine ${SOURCE_DIR}/engine/core/*.h)
if(NOT core_headers)
  message(FATAL_ERROR "no header in ${SOURCE_DIR}/engine/core: wrong SOURCE_DIR?")
endif()

set(violations "")
foreach(top IN LISTS core_headers)
  set(queue ${top})
  set(seen "")
  while(queue)
    list(POP_FRONT queue header)
    if(header IN_LIST seen OR NOT EXISTS ${SOURCE_DIR}/engine/${header})
      continue()
    endif()
    list(APPEND seen ${header})
    file(STRINGS ${SOURCE_DIR}/engine/${header} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*$" "\\1" inc "${line}")
      if(inc MATCHES "^nlohmann/")
        if(header STREQUAL top)
          list(APPEND violations "${top} includes ${inc}")
        else()
          list(APPEND violations "${top} includes ${inc} through ${header}")
        endif()
      elseif(inc MATCHES "^(engine/)?(core|query|storage|model|base)/")
        string(REGEX REPLACE "^engine/" "" inc "${inc}")
        list(APPEND queue ${inc})
      endif()
    endforeach()
  endwhile()
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "nlohmann in core's public headers (ARCHITECTURE.md; engine/core/README.md):\n  ${text}")
endif()
list(LENGTH core_headers n)
message(STATUS "core's ${n} public headers include no nlohmann header")
