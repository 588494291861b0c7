"""Direct quotes and who said them: quote marks, attribution cues, speakers and parties.
"""
