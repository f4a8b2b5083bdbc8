"""The states list and a state's detail."""
