//! Danish banking days and payment plans. (Being written.)
