"""Crash and network loops: the workstation and the server killed at random, a faulty network.

The short loops run in the suite (marker ``stress``); the long ones on demand with
``PAC_SAC_STRESS=long`` or ``python -m tests.stress.loops --iterations 1000``.
"""
