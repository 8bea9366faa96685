"""Session state and the glue between pages and the domain (no Streamlit imports): keys, share links,
Norwegian messages, the profile form."""
