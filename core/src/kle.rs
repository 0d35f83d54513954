//! KLE (KL's subject classification): numbers, handlingsfacetter, patterns, a compiled
//! matcher and the catalogue. (Being written.)
