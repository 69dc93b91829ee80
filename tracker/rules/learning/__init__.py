"""Learning across reviews, as pure rules: what a recommendation's text says, and whether two say the same.

`words` turns a recommendation into the domain's own terms (MARAC and "multi-agency risk assessment
conference" are one term; GP and primary care are one); `matching` scores two recommendations and
finds the earlier ones that say the same thing; `themes` suggests themes from the text. Nothing here
downloads anything or touches the database.
"""
