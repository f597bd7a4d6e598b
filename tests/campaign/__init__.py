"""The fault campaign: tills as child processes under faults and SIGKILLs (see campaign.py)."""
