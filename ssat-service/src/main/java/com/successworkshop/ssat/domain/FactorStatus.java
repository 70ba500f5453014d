package com.successworkshop.ssat.domain;

/** Where one success factor of one service stands. NOT_STARTED is only the initial state. */
public enum FactorStatus {
    NOT_STARTED, IN_PROGRESS, IN_PLACE, GAP_IDENTIFIED, NOT_APPLICABLE
}
