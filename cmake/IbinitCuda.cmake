# Decides whether to build the CUDA backend (IBINIT_CUDA = ON | OFF | AUTO) and sets the
# architectures. cuBLAS is never linked: the CUDA library opens libcublas at run time, so the
# build needs only nvcc and the CUDA runtime (linked statically).
set(IBINIT_BUILD_CUDA OFF)
if(NOT IBINIT_CUDA STREQUAL "OFF")
  if(NOT CMAKE_CUDA_COMPILER AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      # CMake 3.25 defaults to 75; the lent GPUs are A100/H100/H200 class.
      set(CMAKE_CUDA_ARCHITECTURES "80;90")
    endif()
    enable_language(CUDA)
    set(IBINIT_BUILD_CUDA ON)
  elseif(IBINIT_CUDA STREQUAL "ON")
    message(FATAL_ERROR "IBINIT_CUDA=ON but no nvcc was found (install the CUDA toolkit or use -Dibinit.cuda=OFF).")
  else()
    message(STATUS "nvcc not found: the CUDA backend is not built")
  endif()
endif()
