"""ctwatch"""
