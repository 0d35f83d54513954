//! CPR numbers. (Being written.)
