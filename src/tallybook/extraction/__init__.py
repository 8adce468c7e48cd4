"""Claims from parsed text: counted thing, speaker, time and measure."""
